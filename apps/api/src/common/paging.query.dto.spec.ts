import { ArgumentMetadata } from '@nestjs/common';
import { ApiException } from './api-exception';
import { MAX_PAGE_SIZE, PagingQueryDto, pageOf } from './paging.query.dto';
import { createValidationPipe } from './validation/validation-pipe';

const pipe = createValidationPipe();
const metadata: ArgumentMetadata = { type: 'query', metatype: PagingQueryDto };
const parse = (query: Record<string, string>) => pipe.transform(query, metadata) as Promise<PagingQueryDto>;

describe('PagingQueryDto', () => {
  it('reads page and pageSize from the query string as numbers', async () => {
    expect(pageOf(await parse({ page: '3', pageSize: '50' }))).toEqual({ page: 3, pageSize: 50, offset: 100 });
    expect(pageOf(await parse({}))).toEqual({ page: 1, pageSize: 20, offset: 0 });
  });

  it(`caps pageSize at ${MAX_PAGE_SIZE}, and refuses zero or fractional values`, async () => {
    await expect(parse({ pageSize: String(MAX_PAGE_SIZE) })).resolves.toMatchObject({ pageSize: MAX_PAGE_SIZE });
    for (const query of [{ pageSize: String(MAX_PAGE_SIZE + 1) }, { pageSize: '0' }, { page: '0' }, { page: '1.5' }] as Record<string, string>[]) {
      const error = await parse(query).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ApiException);
      expect((error as ApiException).code).toBe('VALIDATION_FAILED');
    }
  });
});
