'use client';
// Every destructive action asks first, naming what it will do to what.
import { AlertDialog } from '@twilio-paste/core/alert-dialog';
import type { ReactNode } from 'react';

interface ConfirmDialogProps {
  isOpen: boolean;
  heading: string;
  confirmLabel: string;
  destructive?: boolean;
  onConfirm: () => void;
  onDismiss: () => void;
  children: NonNullable<ReactNode>;
}

export function ConfirmDialog({ isOpen, heading, confirmLabel, destructive, onConfirm, onDismiss, children }: ConfirmDialogProps) {
  return (
    <AlertDialog
      heading={heading}
      isOpen={isOpen}
      onConfirm={onConfirm}
      onConfirmLabel={confirmLabel}
      onDismiss={onDismiss}
      onDismissLabel="Cancel"
      destructive={destructive}
    >
      {children}
    </AlertDialog>
  );
}
