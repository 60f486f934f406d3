/** The contract between the figure transform and whatever turns Mermaid source into SVG. */

export interface RenderSuccess {
  ok: true;
  /** Optimised, theme-neutral SVG markup (see diagram-svg.ts), ids not yet prefixed. */
  svg: string;
}

export interface RenderFailure {
  ok: false;
  /** Mermaid's own message. */
  message: string;
  /** 1-based line inside the diagram source, when Mermaid reports one. */
  line: number | undefined;
}

export type RenderResult = RenderSuccess | RenderFailure;

/** One diagram to render, with where it comes from (`file:line`) for error messages. */
export interface RenderRequest {
  source: string;
  origin: string;
}

/**
 * Renders many diagrams in one call, results in the order of the requests. A renderer should
 * reject (throw) only for problems of the renderer itself (no browser); a diagram Mermaid cannot
 * parse is a RenderFailure.
 */
export interface DiagramRenderer {
  render(requests: readonly RenderRequest[]): Promise<RenderResult[]>;
}
