import { ActionIcon, Menu, Tooltip } from '@mantine/core';
import { IconCheck, IconLock, IconMinus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { cellState, type MatrixCell } from './matrix.ts';

export type CellAction = 'on' | 'off' | 'clear' | 'toggleOverride';

interface CellButtonProps {
  cell: MatrixCell;
  /** "Ticket resolved, requester, e-mail": what the cell is about, for screen readers and tests. */
  label: string;
  busy: boolean;
  onAction: (action: CellAction) => void;
}

/**
 * One matrix cell: a filled check or cross when set here, a faint one when inherited, a dash
 * when nothing applies; a lock when users may not override. A click opens the choices.
 */
export function CellButton({ cell, label, busy, onAction }: CellButtonProps) {
  const { t } = useTranslation();
  const state = cellState(cell);
  const shown = cell.rule ?? cell.inherited;
  const stateText =
    state === 'unset'
      ? cell.inherited
        ? t(cell.inherited.enabled ? 'notify.cell.inheritedOn' : 'notify.cell.inheritedOff')
        : t('notify.cell.nothing')
      : t(state === 'on' ? 'notify.cell.on' : 'notify.cell.off');
  const locked = shown !== null && !shown.userOverridable;
  const full = `${label}: ${stateText}${locked ? `, ${t('notify.cell.locked')}` : ''}`;
  const Icon = shown === null ? IconMinus : shown.enabled ? IconCheck : IconX;
  const color = shown === null ? 'gray' : shown.enabled ? 'teal' : 'red';
  return (
    <Menu position="bottom" withinPortal shadow="md" width={230}>
      <Menu.Target>
        <Tooltip label={full} openDelay={400} withinPortal>
          <ActionIcon
            variant={state === 'unset' ? 'subtle' : 'light'}
            color={color}
            aria-label={full}
            loading={busy}
            size="lg"
            style={{
              position: 'relative',
              opacity: state === 'unset' ? 0.55 : 1,
              border: state === 'unset' ? '1px dashed var(--mantine-color-gray-4)' : undefined,
            }}
          >
            <Icon size={18} stroke={2.2} />
            {locked && (
              <IconLock size={10} style={{ position: 'absolute', right: 1, bottom: 1 }} aria-hidden stroke={2.4} />
            )}
          </ActionIcon>
        </Tooltip>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{label}</Menu.Label>
        <Menu.Item leftSection={<IconCheck size={14} />} onClick={() => onAction('on')} disabled={state === 'on'}>
          {t('notify.cell.setOn')}
        </Menu.Item>
        <Menu.Item leftSection={<IconX size={14} />} onClick={() => onAction('off')} disabled={state === 'off'}>
          {t('notify.cell.setOff')}
        </Menu.Item>
        <Menu.Item leftSection={<IconMinus size={14} />} onClick={() => onAction('clear')} disabled={state === 'unset'}>
          {t('notify.cell.clear')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          leftSection={<IconLock size={14} />}
          onClick={() => onAction('toggleOverride')}
          disabled={!cell.rule}
        >
          {cell.rule?.userOverridable ? t('notify.cell.lock') : t('notify.cell.unlock')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
