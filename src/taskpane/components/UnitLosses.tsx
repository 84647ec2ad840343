import * as React from "react";
import { Field, Select, Text, makeStyles } from "@fluentui/react-components";
import { Evaluation, formatTotal, lossesOf } from "../../engine";
import { lossSentence } from "../../workbook";
import type { Messages } from "../i18n";
import { useHeadingStyles } from "./headings";

const useStyles = makeStyles({
  // At 200 % zoom the pane is 160 px wide: long loss sentences and unit names wrap instead of scrolling sideways.
  list: { margin: 0, paddingInlineStart: "20px", display: "flex", flexDirection: "column", gap: "2px", overflowWrap: "anywhere" },
  select: { minWidth: 0, maxWidth: "100%" },
});

/**
 * 失分分析 of one unit, chosen from the result's rows (the last ranked first: the unit a clerk asks about):
 * each indicator that lost points, most lost first, then the deduction and bonus with their caps.
 */
export function UnitLosses({ t, evaluation }: { readonly t: Messages; readonly evaluation: Evaluation }): React.JSX.Element | null {
  const styles = useStyles();
  const headings = useHeadingStyles();
  const scored = evaluation.rows.filter((r) => r.base !== null);
  // Not Array.prototype.at: the 网页版 targets Chromium 84 and WPS Chromium 67.
  const [code, setCode] = React.useState(() => scored.filter((r) => r.rank !== null).pop()?.unit.code ?? scored[0]?.unit.code);
  const rules = evaluation.rules;
  if (!rules || !scored.length) return null;
  const row = scored.find((r) => r.unit.code === code) ?? scored[0];
  const losses = lossesOf(row, rules);
  const lines = losses.indicators.map(lossSentence);
  const { deduction, bonus } = losses;
  if (deduction.points > 0)
    lines.push(t.deductionLine(formatTotal(deduction.points), deduction.capped ? formatTotal(deduction.beforeCap) : null));
  if (bonus.points > 0) lines.push(t.bonusLine(formatTotal(bonus.points), bonus.capped ? formatTotal(bonus.beforeCap) : null));
  return (
    <>
      <h3 className={headings.h3}>{t.lossesHeading}</h3>
      <Field label={t.lossesUnit} className={styles.select}>
        <Select className={styles.select} value={row.unit.code} onChange={(_, d) => setCode(d.value)} data-testid="kp-losses-unit">
          {scored.map((r) => (
            <option key={r.unit.code} value={r.unit.code}>
              {r.rank !== null ? `${r.rank}. ` : ""}
              {r.unit.name}
            </option>
          ))}
        </Select>
      </Field>
      {lines.length ? (
        <ul className={styles.list} data-testid="kp-losses">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : (
        <Text size={200}>{t.noLosses}</Text>
      )}
    </>
  );
}
