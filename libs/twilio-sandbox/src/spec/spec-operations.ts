import { HTTP_METHODS, type OpenApiDocument, type OpenApiOperation } from './openapi.types';
import { compilePathTemplate, findPathTemplate, type PathTemplate } from './path-template';

/** One operation of a spec, addressable by method and path template. */
export interface SpecOperation extends PathTemplate {
  readonly method: string;
  readonly operation: OpenApiOperation;
  readonly document: OpenApiDocument;
}

/** The operations of the specs serving one domain, found by method and concrete path. */
export class SpecOperations {
  private readonly byMethod = new Map<string, SpecOperation[]>();

  constructor(documents: readonly OpenApiDocument[]) {
    for (const document of documents) {
      for (const [template, item] of Object.entries(document.paths)) {
        const compiled = compilePathTemplate(template);
        for (const method of HTTP_METHODS) {
          const operation = item[method];
          if (!operation) continue;
          const upper = method.toUpperCase();
          const list = this.byMethod.get(upper) ?? [];
          list.push({ ...compiled, method: upper, operation, document });
          this.byMethod.set(upper, list);
        }
      }
    }
  }

  find(method: string, path: string): SpecOperation | undefined {
    return findPathTemplate(this.byMethod.get(method.toUpperCase()) ?? [], path);
  }
}
