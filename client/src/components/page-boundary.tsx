import { Component, type ReactNode } from 'react';

type Props = { children: ReactNode; title: string; reload: string };

/**
 * A page that fails to render (its code could not be loaded, or a bug) says so in its place; the
 * header and its navigation stay, so the reader can go elsewhere.
 */
export class PageBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  override render() {
    if (!this.state.failed) return this.props.children;
    return (
      <div className="state state-error" role="alert">
        <p>
          <strong>{this.props.title}</strong>
        </p>
        <button type="button" onClick={() => window.location.reload()}>
          {this.props.reload}
        </button>
      </div>
    );
  }
}
