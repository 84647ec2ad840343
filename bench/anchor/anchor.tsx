// The `pane` section's anchor: a bare React 18 + Fluent UI page (FluentProvider, a heading, a line of
// text, one primary button), bundled by esbuild like any small Fluent app. Measured in the same run as
// the pane, it tells how much of the pane's time is the machine and the framework's own.

import * as React from "react";
import { createRoot } from "react-dom/client";
import { Button, FluentProvider, Text, webLightTheme } from "@fluentui/react-components";

function Anchor(): React.JSX.Element {
  return (
    <FluentProvider theme={webLightTheme}>
      <main style={{ padding: 12, display: "flex", flexDirection: "column", gap: 12 }}>
        <h1 style={{ margin: 0, fontSize: 20 }}>12328 考评</h1>
        <Text size={200}>河南省12328电话运行服务质量考评</Text>
        <Button appearance="primary">生成 2026年10月 排名</Button>
      </main>
    </FluentProvider>
  );
}

createRoot(document.getElementById("container")!).render(<Anchor />);
