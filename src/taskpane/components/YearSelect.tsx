import * as React from "react";
import { Field, Select } from "@fluentui/react-components";
import type { Messages } from "../i18n";

export interface YearSelectProps {
  readonly t: Messages;
  readonly label: string;
  readonly years: readonly number[];
  readonly value: number;
  readonly disabled?: boolean;
  readonly className?: string;
  readonly onChange: (year: number) => void;
}

/** A labelled choice of year, as the period picker and the workbook set-up both offer it. */
export function YearSelect({ t, label, years, value, disabled, className, onChange }: YearSelectProps): React.JSX.Element {
  return (
    <Field label={label}>
      <Select className={className} value={String(value)} disabled={disabled} onChange={(_, d) => onChange(Number(d.value))}>
        {years.map((y) => (
          <option key={y} value={y}>
            {t.yearOption(y)}
          </option>
        ))}
      </Select>
    </Field>
  );
}
