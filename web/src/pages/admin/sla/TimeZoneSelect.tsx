import { Select, type SelectProps } from '@mantine/core';
import { useMemo } from 'react';
import { timeZoneNames, utcOffset } from './time-zones.ts';

type TimeZoneSelectProps = Omit<SelectProps, 'data' | 'searchable' | 'value'> & { value?: string | null };

/** A searchable IANA time zone picker; each zone shows its current offset from UTC. */
export function TimeZoneSelect({ value, ...props }: TimeZoneSelectProps) {
  const data = useMemo(() => {
    const now = new Date();
    return timeZoneNames(value ?? undefined).map((zone) => ({
      value: zone,
      label: `${zone} (${utcOffset(zone, now)})`,
    }));
  }, [value]);
  return (
    <Select
      {...props}
      value={value || null}
      data={data}
      searchable
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
    />
  );
}
