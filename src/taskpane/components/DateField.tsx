import * as React from "react";
import { Field, Input, makeStyles } from "@fluentui/react-components";
import { readDate } from "../../engine";
import type { Messages } from "../i18n";

const useStyles = makeStyles({
  root: { width: "100%", maxWidth: "16em", boxSizing: "border-box" },
  // The browser gives a text input 20 characters of width, too wide for a pane at 200 % zoom; a
  // percentage width lets it shrink with the pane (a date needs 10 characters).
  input: { width: "100%", minWidth: 0 },
});

export interface DateFieldProps {
  readonly t: Messages;
  readonly label: string;
  readonly hint: string;
  readonly disabled?: boolean;
  /** A valid date as YYYY-MM-DD, or "" while the field is empty or not (yet) a date. */
  readonly onChange: (iso: string) => void;
}

/**
 * A date typed as 年-月-日 (2026-11-05; 2026/11/5 and 2026年11月5日 are read too, as in a cell).
 * The browser's date input would show its own language's pattern ("mm/dd/yyyy" in a Chinese pane),
 * so this is a text field with the format and the error in the pane's words. A wrong date is
 * said when the field is left or Enter is pressed (not while typing), and the field keeps what was typed.
 */
export function DateField({ t, label, hint, disabled, onChange }: DateFieldProps): React.JSX.Element {
  const styles = useStyles();
  const [text, setText] = React.useState("");
  const [checked, setChecked] = React.useState(false);
  const iso = readDate(text);
  const invalid = checked && text.trim() !== "" && iso === undefined;
  const settle = () => {
    setChecked(true);
    if (iso && iso !== text) setText(iso);
  };
  return (
    <Field
      label={label}
      hint={`${t.dateFormat} ${hint}`}
      validationState={invalid ? "error" : "none"}
      validationMessage={invalid ? t.dateInvalid : undefined}
    >
      <Input
        className={styles.root}
        input={{ className: styles.input }}
        value={text}
        placeholder={t.datePlaceholder}
        autoComplete="off"
        spellCheck={false}
        disabled={disabled}
        onChange={(_, d) => {
          setText(d.value);
          // Said again when the field is left: no error for a date half typed.
          setChecked(false);
          onChange(readDate(d.value) ?? "");
        }}
        onBlur={settle}
        onKeyDown={(e) => e.key === "Enter" && settle()}
      />
    </Field>
  );
}
