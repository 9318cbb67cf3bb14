import { loadOpenApiCatalog, type OpenApiCatalog } from '../spec';

/** One request to the sandbox and what the spec says of its response. */
export interface CheckedExchange {
  method: string;
  domain: string;
  path: string;
  status: number;
  /** `<domain>:<operationId>`, or undefined when no spec operation serves the path. */
  operation?: string;
  violations: string[];
}

/**
 * Every response the contract test saw, checked against Twilio's OpenAPI specs as it arrived, so the test can
 * assert both "no violation" and "every operation the product uses was exercised".
 */
export class ContractLog {
  private readonly exchanges: CheckedExchange[] = [];

  constructor(private readonly catalog: OpenApiCatalog = loadOpenApiCatalog()) {}

  check(method: string, domain: string, path: string, status: number, body: unknown): CheckedExchange {
    const exchange: CheckedExchange = {
      method: method.toUpperCase(),
      domain,
      path,
      status,
      operation: this.catalog.operationFor(domain, method, path)?.key,
      violations: this.catalog.checkResponse(domain, method, path, status, body),
    };
    this.exchanges.push(exchange);
    return exchange;
  }

  /** Operations answered with a success status: an operation only seen failing has not shown its success body. */
  succeededOperations(): Set<string> {
    return new Set(this.exchanges.filter((exchange) => exchange.status < 400 && exchange.operation).map((exchange) => exchange.operation as string));
  }

  /** Error statuses whose body was checked. */
  errorStatuses(): Set<number> {
    return new Set(this.exchanges.filter((exchange) => exchange.status >= 400).map((exchange) => exchange.status));
  }

  /** One line per violation, naming the operation and the request, for a failure message one can act on. */
  violationReport(): string[] {
    return this.exchanges.flatMap((exchange) =>
      exchange.violations.map(
        (violation) => `${exchange.operation ?? exchange.domain} (${exchange.method} ${exchange.path} → ${exchange.status}) ${violation}`,
      ),
    );
  }
}
