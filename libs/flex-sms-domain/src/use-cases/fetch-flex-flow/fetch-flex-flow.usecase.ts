import { ResourceNotFound } from '../../errors';
import type { FlexFlowDirectory } from '../../flex-flows/flex-flow-directory';
import type { FlexFlow } from '../../ports/flex-flow.port';

/** One Flex Flow, from the outbound flows' cache: no Twilio request while it is warm. */
export class FetchFlexFlow {
  constructor(private readonly directory: FlexFlowDirectory) {}

  async execute(sid: string): Promise<FlexFlow> {
    const flow = (await this.directory.list()).find((candidate) => candidate.sid === sid);
    if (!flow) throw new ResourceNotFound('Flex Flow', sid);
    return flow;
  }
}
