// The clean-up page's selection, as typed, to the API's selection (the domain refuses an empty one, so nothing
// cleans every session or conversation by accident; the form says so first).
import { isE164 } from '../outbound/send-form-validation';
import { CLEANUP_NOUNS, type CleanupTarget } from './cleanup-targets';
import type { CleanupSelection } from './cleanup.types';

export interface CleanupSelectionValues {
  statuses: string[];
  olderThanHours: string;
  number: string;
}

export type CleanupSelectionErrors = Partial<Record<keyof CleanupSelectionValues | 'selection', string>>;

export function emptyCleanupSelection(target: CleanupTarget): CleanupSelectionValues {
  return { statuses: [...target.defaultStatuses], olderThanHours: '', number: '' };
}

export function validateCleanupSelection(target: CleanupTarget, values: CleanupSelectionValues): CleanupSelectionErrors {
  const errors: CleanupSelectionErrors = {};
  const hours = values.olderThanHours.trim();
  if (hours !== '' && !(Number.isFinite(Number(hours)) && Number(hours) >= 0)) errors.olderThanHours = 'A number of hours, 0 or more.';
  if (values.number.trim() !== '' && !isE164(values.number.trim())) errors.number = 'Enter the number in E.164 format, e.g. +15550100001.';
  if (values.statuses.length === 0 && hours === '' && values.number.trim() === '') {
    errors.selection = `Choose at least one ${target.statusWord}, an age or a number: a clean-up never takes every ${CLEANUP_NOUNS[target.kind].one}.`;
  }
  return errors;
}

export function toCleanupSelection(values: CleanupSelectionValues): CleanupSelection {
  const hours = values.olderThanHours.trim();
  return {
    ...(values.statuses.length ? { statuses: values.statuses } : {}),
    ...(hours !== '' ? { olderThanHours: Number(hours) } : {}),
    ...(values.number.trim() ? { number: values.number.trim() } : {}),
  };
}

/** `12 s`, `4 min 10 s`; unknown while the rate is not known yet. */
export function formatEta(seconds: number | null): string {
  if (seconds === null) return 'estimating…';
  if (seconds === 0) return 'done';
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ${seconds % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
