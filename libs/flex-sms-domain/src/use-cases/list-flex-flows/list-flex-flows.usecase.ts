import type { FlexFlowDirectory } from '../../flex-flows/flex-flow-directory';
import { filterFlexFlows, type FlexFlowFilter } from '../../flex-flows/filter-flex-flows';
import type { FlexFlow } from '../../ports/flex-flow.port';

/** The account's Flex Flows from the outbound flows' cache, filtered by number, types and enabled. */
export class ListFlexFlows {
  constructor(private readonly directory: Pick<FlexFlowDirectory, 'list' | 'invalidate'>) {}

  async execute(filter: FlexFlowFilter & { refresh?: boolean } = {}): Promise<FlexFlow[]> {
    if (filter.refresh) this.directory.invalidate();
    return filterFlexFlows(await this.directory.list(), filter);
  }
}
