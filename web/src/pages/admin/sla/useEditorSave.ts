import { notifications } from '@mantine/notifications';
import { useMutation } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { fieldErrorsOf, useSlaChanged } from './useSlaAdmin.ts';

/** What the save needs of a Mantine form: its submit handler and a way to mark inputs. */
export interface EditorFormApi<Values> {
  onSubmit: (handle: (values: Values) => void) => (event?: FormEvent<HTMLFormElement>) => void;
  setErrors: (errors: Record<string, string>) => void;
}

/** How an SLA or vendor editor saves: what it edits, how values become the API input, what it says. */
export interface EditorSaveOptions<Values, Input extends { name: string }> {
  form: EditorFormApi<Values>;
  /** The id of the row being edited; null when creating one. */
  editingId: number | null;
  toInput: (values: Values) => Input;
  create: (input: Input) => Promise<unknown>;
  update: (id: number, input: Input) => Promise<unknown>;
  /** Message keys of the success toast (given the name) after an edit and after a creation. */
  toast: { saved: string; created: string };
  /** The message to show under each input a 400 may name. */
  serverMessages: Record<string, string>;
  /** Closes the editor (after a save, or on Cancel). */
  onDone: () => void;
}

/**
 * The save of an SLA or vendor editor: creates or updates, refetches what depends on it, says so,
 * and closes; a refusal naming inputs is shown on them, any other above the form. Returns the
 * props of its `EditorForm`.
 */
export function useEditorSave<Values, Input extends { name: string }>(options: EditorSaveOptions<Values, Input>) {
  const { t } = useTranslation();
  const changed = useSlaChanged();
  const { form, editingId, toast, serverMessages, onDone } = options;
  const save = useMutation({
    mutationFn: async (values: Values) => {
      const input = options.toInput(values);
      if (editingId !== null) await options.update(editingId, input);
      else await options.create(input);
      return input.name;
    },
    onSuccess: (name) => {
      changed();
      notifications.show({ color: 'green', message: t(editingId !== null ? toast.saved : toast.created, { name }) });
      onDone();
    },
    onError: (error) => form.setErrors(fieldErrorsOf(error, serverMessages)),
  });
  const onField = Object.keys(fieldErrorsOf(save.error, serverMessages)).length > 0;
  return {
    onSubmit: form.onSubmit((values) => save.mutate(values)),
    error: onField ? null : save.error,
    saving: save.isPending,
    creating: editingId === null,
    onCancel: onDone,
  };
}
