import * as React from "react";
import { Field, Radio, RadioGroup, Select, makeStyles, tokens } from "@fluentui/react-components";
import type { Messages } from "../i18n";
import type { PeriodChoice, PeriodKind } from "../model";
import { YearSelect } from "./YearSelect";

const useStyles = makeStyles({
  row: { display: "flex", gap: tokens.spacingHorizontalM, flexWrap: "wrap" },
  // Wrapped rather than squeezed: a narrow pane (or 200 % zoom) puts a radio on the next line, never one character per line.
  kinds: { flexWrap: "wrap", columnGap: tokens.spacingHorizontalS },
  select: { minWidth: "110px" },
});

export interface PeriodPickerProps {
  readonly t: Messages;
  readonly value: PeriodChoice;
  readonly years: readonly number[];
  readonly disabled?: boolean;
  readonly onChange: (value: PeriodChoice) => void;
}

/** 月 / 季 / 年 and the year, month or quarter of it. */
export function PeriodPicker({ t, value, years, disabled, onChange }: PeriodPickerProps): React.JSX.Element {
  const styles = useStyles();
  const kinds: [PeriodKind, string][] = [
    ["month", t.kindMonth],
    ["quarter", t.kindQuarter],
    ["year", t.kindYear],
  ];
  return (
    <>
      <Field label={t.periodKind}>
        <RadioGroup
          className={styles.kinds}
          layout="horizontal"
          value={value.kind}
          disabled={disabled}
          onChange={(_, d) => onChange({ ...value, kind: d.value as PeriodKind })}
        >
          {kinds.map(([kind, label]) => (
            <Radio key={kind} value={kind} label={label} />
          ))}
        </RadioGroup>
      </Field>
      <div className={styles.row}>
        <YearSelect
          t={t}
          label={t.yearLabel}
          years={years}
          value={value.year}
          disabled={disabled}
          className={styles.select}
          onChange={(year) => onChange({ ...value, year })}
        />
        {value.kind === "month" && (
          <Field label={t.monthLabel}>
            <Select
              className={styles.select}
              value={String(value.month)}
              disabled={disabled}
              onChange={(_, d) => {
                const month = Number(d.value);
                onChange({ ...value, month, quarter: Math.floor((month - 1) / 3) + 1 });
              }}
            >
              {Array.from({ length: 12 }, (_, i) => i + 1).map((m) => (
                <option key={m} value={m}>
                  {t.monthOption(m)}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {value.kind === "quarter" && (
          <Field label={t.quarterLabel}>
            <Select
              className={styles.select}
              value={String(value.quarter)}
              disabled={disabled}
              onChange={(_, d) => onChange({ ...value, quarter: Number(d.value) })}
            >
              {[1, 2, 3, 4].map((q) => (
                <option key={q} value={q}>
                  {t.quarterOption(q)}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>
    </>
  );
}
