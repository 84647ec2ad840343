import * as React from "react";
import { Badge, Button, Spinner, Text, makeStyles, tokens } from "@fluentui/react-components";
import { App } from "../taskpane/App";
import type { Messages } from "../taskpane/i18n";
import { Notice } from "../taskpane/components/Notice";
import { chooseWorkbook, droppedFile } from "./files";
import type { WebMessages } from "./messages";
import { StartSection, TemplatesSection } from "./StartSection";
import { OpenBook, WebWorkbook, useWebWorkbook } from "./use-workbook";

const useStyles = makeStyles({
  page: { minHeight: "100vh", boxSizing: "border-box", display: "flex", flexDirection: "column", alignItems: "center" },
  column: { width: "100%", maxWidth: "640px", boxSizing: "border-box" },
  bar: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground2,
    overflowWrap: "anywhere",
  },
  name: { flexGrow: 1, minWidth: "12em", fontWeight: tokens.fontWeightSemibold },
  status: { padding: `0 ${tokens.spacingHorizontalM}` },
  dragging: { outline: `${tokens.strokeWidthThickest} dashed ${tokens.colorBrandStroke1}`, outlineOffset: "-8px" },
});

export interface WebAppProps {
  readonly t: Messages;
  readonly w: WebMessages;
  readonly now?: () => Date;
}

const XLSX_ACCEPT = ".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/** The 网页版: open a workbook (dialog or drop), the pane on it, save the result as a new file. */
export function WebApp({ t, w, now = () => new Date() }: WebAppProps): React.JSX.Element {
  const styles = useStyles();
  const state = useWebWorkbook(w, now);
  const { book, open, startNew } = state;
  const input = React.useRef<HTMLInputElement>(null);
  const { dragging, dropProps } = useDrop((transfer) => void droppedFile(transfer).then(open));
  const chooseAndOpen = () => void chooseWorkbook(window, () => input.current?.click()).then(open, () => undefined);
  const templates = <TemplatesSection t={t} w={w} today={now()} onNew={(year) => void startNew(year)} />;
  return (
    <div className={`${styles.page} ${dragging ? styles.dragging : ""}`} {...dropProps}>
      {book ? (
        <>
          <FileBar w={w} state={state} book={book} onOpen={chooseAndOpen} />
          <div className={styles.column}>
            <StatusLine t={t} w={w} state={state} />
          </div>
          {/* Not while another workbook opens: the pane would act on the one being replaced. */}
          <div className={styles.column}>
            {!state.opening && <App key={book.session} controller={book.controller} t={t} today={now()} />}
          </div>
          <aside className={styles.column} aria-labelledby="kp-web-templates-heading">
            {templates}
          </aside>
        </>
      ) : (
        <main className={styles.column} lang={t.htmlLang}>
          <StartSection t={t} w={w} opening={state.opening} dragging={dragging} onOpen={chooseAndOpen} />
          <StatusLine t={t} w={w} state={state} />
          {templates}
        </main>
      )}
      <input
        ref={input}
        type="file"
        accept={XLSX_ACCEPT}
        hidden
        aria-hidden="true"
        tabIndex={-1}
        data-testid="kp-web-open-input"
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = "";
          if (file) void open({ file });
        }}
      />
    </div>
  );
}

interface FileBarProps {
  readonly w: WebMessages;
  readonly state: WebWorkbook;
  readonly book: OpenBook;
  readonly onOpen: () => void;
}

/** The open workbook's name, whether it is saved, and the buttons to open another and to save. */
function FileBar({ w, state, book, onOpen }: FileBarProps): React.JSX.Element {
  const styles = useStyles();
  const { opening, saving } = state;
  return (
    <header className={`${styles.column} ${styles.bar}`} aria-label={w.fileHeading}>
      <Text className={styles.name} data-testid="kp-web-file">
        {book.name}
      </Text>
      <Badge appearance={book.changed ? "filled" : "tint"} color={book.changed ? "warning" : "success"} data-testid="kp-web-saved">
        {book.changed ? w.unsaved : w.saved}
      </Badge>
      <Button onClick={onOpen} disabledFocusable={opening || saving}>
        {w.openButton}
      </Button>
      <Button appearance="primary" onClick={() => void state.save()} disabledFocusable={saving || opening}>
        {saving ? w.saving : w.saveButton}
      </Button>
    </header>
  );
}

/** What opening or saving said, and the cell a problem pointed at; announced as they change. */
function StatusLine({ t, w, state }: { readonly t: Messages; readonly w: WebMessages; readonly state: WebWorkbook }): React.JSX.Element {
  const styles = useStyles();
  const { opening, status, cell } = state;
  return (
    <div aria-live="polite" className={styles.status}>
      {opening && <Spinner size="tiny" label={w.opening} labelPosition="after" />}
      {status && (
        <Notice intent={status.intent} t={t} data-testid="kp-web-status">
          <Text size={200}>{status.text}</Text>
        </Notice>
      )}
      {cell && (
        <Notice intent="info" t={t} data-testid="kp-web-cell">
          <Text size={200}>{cell}</Text>
        </Notice>
      )}
    </div>
  );
}

/** Files dragged over the page: outlined while over it, handed to `onDrop` when let go. */
function useDrop(onDrop: (transfer: DataTransfer) => void) {
  const [dragging, setDragging] = React.useState(false);
  const dropProps = {
    onDragOver: (event: React.DragEvent) => {
      if (!Array.from(event.dataTransfer.types).includes("Files")) return;
      event.preventDefault();
      setDragging(true);
    },
    onDragLeave: (event: React.DragEvent) => {
      if (event.currentTarget === event.target) setDragging(false);
    },
    onDrop: (event: React.DragEvent) => {
      event.preventDefault();
      setDragging(false);
      onDrop(event.dataTransfer);
    },
  };
  return { dragging, dropProps };
}
