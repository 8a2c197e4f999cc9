/** Up, down and remove for one item of an editable list (sections, steps, fields). */
export function MoveButtons({
  index,
  count,
  what,
  onMove,
  onRemove,
}: {
  index: number;
  count: number;
  what: string;
  onMove: (to: number) => void;
  onRemove?: () => void;
}) {
  return (
    <span className="cb-movers">
      <button
        type="button"
        className="cb-button cb-button--small"
        disabled={index === 0}
        onClick={() => onMove(index - 1)}
        aria-label={`Move ${what} up`}
      >
        ↑
      </button>
      <button
        type="button"
        className="cb-button cb-button--small"
        disabled={index === count - 1}
        onClick={() => onMove(index + 1)}
        aria-label={`Move ${what} down`}
      >
        ↓
      </button>
      {onRemove && (
        <button
          type="button"
          className="cb-button cb-button--small"
          onClick={onRemove}
          aria-label={`Remove ${what}`}
        >
          Remove
        </button>
      )}
    </span>
  );
}
