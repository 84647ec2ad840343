import * as React from "react";
import type { Severity } from "../../engine";

/** A 16 px severity mark with its name as the accessible label (red circle ×, amber triangle !). */
export function SeverityIcon({ severity, label }: { severity: Severity; label: string }): React.JSX.Element {
  return (
    <svg role="img" aria-label={label} width="16" height="16" viewBox="0 0 16 16" focusable="false" style={{ flex: "none", marginTop: 2 }}>
      <title>{label}</title>
      {severity === "error" ? (
        <>
          <circle cx="8" cy="8" r="7.5" fill="#C50F1F" />
          <path d="M5.2 5.2l5.6 5.6M10.8 5.2l-5.6 5.6" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
        </>
      ) : (
        <>
          <path d="M8 0.9l7.4 13.4H0.6z" fill="#BC4B09" />
          <path d="M8 5.3v4.4" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
          <circle cx="8" cy="12" r="1.05" fill="#fff" />
        </>
      )}
    </svg>
  );
}
