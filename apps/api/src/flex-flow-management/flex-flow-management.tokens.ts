/** The domain's FlexFlowManagementDependencies, wired once (flex-flow-management.module.ts). */
export const FLEX_FLOW_MANAGEMENT_DEPENDENCIES = Symbol('FLEX_FLOW_MANAGEMENT_DEPENDENCIES');
