import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** No list answers more than this many items at once: a bigger page is a load on the API and on Twilio, not a feature. */
export const MAX_PAGE_SIZE = 100;
export const DEFAULT_PAGE_SIZE = 20;
/**
 * The last page anyone may ask for: `IsInt` alone takes 1e308, whose row offset is no integer a database accepts.
 * A million pages of the biggest size is 10^8 rows, beyond any history this API keeps.
 */
export const MAX_PAGE = 1_000_000;

/**
 * `?page=&pageSize=` for every list endpoint: extend it (`class FooListQueryDto extends PagingQueryDto`) so every
 * list has the same names, defaults and caps. 400 VALIDATION_FAILED above MAX_PAGE_SIZE or MAX_PAGE.
 */
export class PagingQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE, default: 1, example: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE)
  page?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE, example: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  pageSize?: number;
}

/** The page and size a PagingQueryDto asks for, with the defaults applied, and the row offset they start at. */
export function pageOf(query: PagingQueryDto): { page: number; pageSize: number; offset: number } {
  const page = query.page ?? 1;
  const pageSize = query.pageSize ?? DEFAULT_PAGE_SIZE;
  return { page, pageSize, offset: (page - 1) * pageSize };
}
