/** The domain's FlexFlowManagementDependencies, wired once (flex-flow.module.ts). */
export const FLEX_FLOW_MANAGEMENT_DEPENDENCIES = Symbol('FLEX_FLOW_MANAGEMENT_DEPENDENCIES');
