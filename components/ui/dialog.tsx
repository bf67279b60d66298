"use client";

import { useEffect, useId, useLayoutEffect, useRef } from "react";

/**
 * A modal dialog on the native <dialog> element: `showModal()` makes the rest of the page inert and
 * keeps Tab inside, Escape closes (through `onClose`), focus goes to the first field (or the element
 * marked `autoFocus`) and back to what had it before when the dialog closes.
 */
export function Dialog({ open, onClose, title, description, children, size = "md", testId }: {
  open: boolean;
  onClose: () => void;
  title: React.ReactNode;
  description?: React.ReactNode;
  children: React.ReactNode;
  size?: "sm" | "md" | "lg";
  testId?: string;
}) {
  if (!open) return null;
  return (
    <OpenDialog onClose={onClose} title={title} description={description} size={size} testId={testId}>
      {children}
    </OpenDialog>
  );
}

const WIDTH = { sm: "sm:max-w-md", md: "sm:max-w-xl", lg: "sm:max-w-3xl" };

function OpenDialog({ onClose, title, description, children, size, testId }: {
  onClose: () => void; title: React.ReactNode; description?: React.ReactNode; children: React.ReactNode; size: "sm" | "md" | "lg"; testId?: string;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const onCloseRef = useRef(onClose);
  const titleId = useId();
  const descId = useId();

  useLayoutEffect(() => {
    onCloseRef.current = onClose;
  });

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!dialog.open) dialog.showModal();
    const body = dialog.querySelector<HTMLElement>("[data-dialog-body]") ?? dialog;
    const target = body.querySelector<HTMLElement>("[autofocus], [data-autofocus]")
      ?? body.querySelector<HTMLElement>("input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])")
      ?? body.querySelector<HTMLElement>("button:not([disabled]), a[href]");
    target?.focus();
    return () => {
      if (dialog.open) dialog.close();
      if (previous && previous.isConnected) previous.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      aria-describedby={description ? descId : undefined}
      data-testid={testId}
      onCancel={(e) => {
        // Escape: let React state close the dialog so it and the page stay in step.
        e.preventDefault();
        onCloseRef.current();
      }}
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) onCloseRef.current();
      }}
      className={`m-auto max-h-[calc(100dvh-2rem)] w-[calc(100vw-2rem)] overflow-visible rounded-lg border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-900/40 ${WIDTH[size]}`}
    >
      <div className="flex max-h-[calc(100dvh-2rem)] flex-col">
        <div className="flex items-start justify-between gap-3 border-b border-slate-200 px-4 py-3 sm:px-5">
          <div className="min-w-0">
            <h2 id={titleId} className="text-base font-semibold">{title}</h2>
            {description && <p id={descId} className="mt-0.5 text-sm text-slate-600">{description}</p>}
          </div>
          <button type="button" onClick={() => onCloseRef.current()} aria-label="Close"
            className="-mr-1 rounded-md px-2 py-1 text-lg leading-none text-slate-500 hover:bg-slate-100 hover:text-slate-900">
            ×
          </button>
        </div>
        <div data-dialog-body className="min-h-0 overflow-y-auto px-4 py-4 sm:px-5">{children}</div>
      </div>
    </dialog>
  );
}
