import * as React from "react";
import { Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import type { Messages } from "../taskpane/i18n";
import { Notice } from "../taskpane/components/Notice";
import { YearSelect } from "../taskpane/components/YearSelect";
import { useHeadingStyles, useTitleStyles } from "../taskpane/components/headings";
import type { WebMessages } from "./messages";
import { download } from "./files";
import { centresTemplate, perUnitZip } from "./templates";

const useStyles = makeStyles({
  box: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
  },
  drop: {
    display: "flex",
    flexDirection: "column",
    alignItems: "center",
    gap: tokens.spacingVerticalS,
    padding: `${tokens.spacingVerticalXXL} ${tokens.spacingHorizontalL}`,
    textAlign: "center",
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
  },
  row: { display: "flex", gap: tokens.spacingHorizontalS, alignItems: "flex-end", flexWrap: "wrap" },
});

export interface StartSectionProps {
  readonly t: Messages;
  readonly w: WebMessages;
  readonly opening: boolean;
  readonly dragging: boolean;
  readonly onOpen: () => void;
}

/** The page before a workbook is open: what it is, and where to open one (dialog or drop). */
export function StartSection({ w, opening, dragging, onOpen }: StartSectionProps): React.JSX.Element {
  const styles = useStyles();
  const titles = useTitleStyles();
  return (
    <div className={styles.box}>
      <header className={titles.header}>
        <h1 className={titles.title}>{w.pageTitle}</h1>
        <Text size={200}>{w.pageSubtitle}</Text>
      </header>
      <section className={styles.drop} aria-label={w.fileHeading}>
        <Button appearance="primary" size="large" onClick={onOpen} disabledFocusable={opening}>
          {w.openButton}
        </Button>
        <Text>{dragging ? w.dropHere : w.dropHint}</Text>
        <Text size={200}>{w.offline}</Text>
      </section>
    </div>
  );
}

export interface TemplatesSectionProps {
  readonly t: Messages;
  readonly w: WebMessages;
  readonly today: Date;
  readonly onNew: (year: number) => void;
}

/** A new provincial workbook (opened in the page), and the centres' files to hand out (downloads). */
export function TemplatesSection({ t, w, today, onNew }: TemplatesSectionProps): React.JSX.Element {
  const styles = useStyles();
  const headings = useHeadingStyles();
  const thisYear = today.getFullYear();
  const [year, setYear] = React.useState(thisYear);
  const [busy, setBusy] = React.useState(false);
  const [done, setDone] = React.useState<string | null>(null);
  const hand = async (make: (year: number) => Promise<{ name: string; data: Blob }>) => {
    setBusy(true);
    setDone(null);
    try {
      const { name, data } = await make(year);
      download(document, data, name);
      setDone(w.downloaded(name));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className={styles.box} aria-labelledby="kp-web-templates-heading">
      <h2 id="kp-web-templates-heading" className={headings.h2}>
        {w.newHeading}
      </h2>
      <Text size={200}>{w.templatesHint}</Text>
      <div className={styles.row}>
        <YearSelect t={t} label={w.yearLabel} years={[thisYear - 1, thisYear, thisYear + 1]} value={year} onChange={setYear} />
        <Button onClick={() => onNew(year)} disabledFocusable={busy}>
          {w.newButton}
        </Button>
      </div>
      <div className={styles.row}>
        <Button onClick={() => void hand(centresTemplate)} disabledFocusable={busy}>
          {w.centresTemplate}
        </Button>
        <Button onClick={() => void hand(perUnitZip)} disabledFocusable={busy}>
          {w.perUnitZip}
        </Button>
      </div>
      <div aria-live="polite">
        {busy && <Spinner size="tiny" label={w.preparing} labelPosition="after" />}
        {done && (
          <Notice intent="success" t={t}>
            <Text size={200}>{done}</Text>
          </Notice>
        )}
      </div>
    </section>
  );
}
