/** A quiet, announced "loading" line; no spinner animation to respect reduced motion everywhere. */
export function Loading({ label }: { label: string }) {
  return (
    <p className="loading" role="status">
      {label}
    </p>
  );
}
