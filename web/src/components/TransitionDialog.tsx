import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { TransitionError } from './TransitionError.tsx';

interface TransitionDialogProps {
  opened: boolean;
  title: string;
  /** The label of the one text the transition requires (a solution, or a comment). */
  fieldLabel: string;
  description?: string;
  initialValue?: string;
  /** When false the text is optional (a cancellation the role may make without a reason). */
  textRequired?: boolean;
  submitLabel: string;
  submitColor?: string;
  pending: boolean;
  error: unknown;
  onClose: () => void;
  onSubmit: (text: string) => void;
}

/** Asks for the text a transition requires; the submit stays disabled until there is some. */
export function TransitionDialog(props: TransitionDialogProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(props.initialValue ?? '');
  const [touched, setTouched] = useState(false);
  const textRequired = props.textRequired ?? true;
  const missing = textRequired && text.trim() === '';

  return (
    <Modal opened={props.opened} onClose={props.onClose} title={props.title} size="lg">
      <form
        onSubmit={(event) => {
          event.preventDefault();
          setTouched(true);
          if (!missing) props.onSubmit(text.trim());
        }}
      >
        <Stack>
          {props.error ? <TransitionError error={props.error} /> : null}
          <Textarea
            label={props.fieldLabel}
            description={props.description}
            required={textRequired}
            autosize
            minRows={4}
            maxRows={12}
            data-autofocus
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
            onBlur={() => setTouched(true)}
            error={touched && missing ? t('common.required') : null}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={props.onClose}>
              {t('common.cancel')}
            </Button>
            <Button type="submit" color={props.submitColor} loading={props.pending} disabled={missing}>
              {props.submitLabel}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
