import { ResourceNotFound } from '../../errors';
import type { FlexFlowManagementDependencies } from '../../flex-flows/flex-flow-management.dependencies';
import type { FlexFlow } from '../../ports/flex-flow.port';
import { IDEMPOTENT } from '../../retry/twilio-retrier';

/** Deletes a Flex Flow; answers the flow as it was. Its existing channels stay (Flex keeps them). */
export class DeleteFlexFlow {
  constructor(private readonly deps: FlexFlowManagementDependencies) {}

  async execute(sid: string): Promise<FlexFlow> {
    const flow = await this.deps.retrier.run('fetch Flex Flow', () => this.deps.flexFlows.fetchFlexFlow(sid), IDEMPOTENT);
    if (!flow) throw new ResourceNotFound('Flex Flow', sid);
    await this.deps.retrier.run('delete Flex Flow', () => this.deps.flexFlows.removeFlexFlow(sid), IDEMPOTENT);
    this.deps.onFlexFlowsChanged();
    return flow;
  }
}
