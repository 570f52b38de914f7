import { Component, type ErrorInfo, type ReactNode } from 'react';
import { useT } from '../i18n.ts';

function CrashView() {
  const t = useT();
  return (
    <div className="crash">
      <h1>{t.errors.crashTitle}</h1>
      <p>{t.errors.crashText}</p>
      <p className="button-row">
        <button type="button" onClick={() => window.location.reload()}>
          {t.errors.reload}
        </button>
        <a href="/">{t.common.toStart}</a>
      </p>
    </div>
  );
}

/** Catches render errors so one broken page does not blank the whole tool. Reset by changing `resetKey`. */
export class ErrorBoundary extends Component<
  { children: ReactNode; resetKey?: string },
  { failed: boolean; resetKey: string | undefined }
> {
  override state = { failed: false, resetKey: this.props.resetKey };

  static getDerivedStateFromError(): Partial<{ failed: boolean }> {
    return { failed: true };
  }

  static getDerivedStateFromProps(
    props: { resetKey?: string },
    state: { failed: boolean; resetKey: string | undefined },
  ): Partial<{ failed: boolean; resetKey: string | undefined }> | null {
    if (props.resetKey !== state.resetKey) return { failed: false, resetKey: props.resetKey };
    return null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('Kedjan: the page failed to render', error, info.componentStack);
  }

  override render(): ReactNode {
    return this.state.failed ? <CrashView /> : this.props.children;
  }
}
