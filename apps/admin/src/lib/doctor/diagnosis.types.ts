// GET /api/v1/doctor?number=
import type { Schema } from '../api/wire';

export type NumberDiagnosis = Schema<'NumberDiagnosisDto'>;
export type SetupCheck = Schema<'SetupCheckDto'>;
export type CheckStatus = SetupCheck['status'];
