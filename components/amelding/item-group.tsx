import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { fieldId } from "./builder-kit";

/**
 * One item of a repeated part (a virksomhet, a person, an income line). Its fieldset carries the
 * item's path as id, so a link to the item itself (not one of its fields) lands on it.
 */
export function ItemGroup({
  path,
  legend,
  removeLabel,
  onRemove,
  children,
}: {
  path: string;
  legend: string;
  removeLabel?: string;
  onRemove?: () => void;
  children: ReactNode;
}) {
  return (
    <fieldset id={fieldId(path)} tabIndex={-1} className="mb-4 rounded border border-line bg-white p-4">
      <legend className="px-1 font-semibold">{legend}</legend>
      {children}
      {onRemove && (
        <Button type="button" variant="danger" onClick={onRemove}>
          {removeLabel}
        </Button>
      )}
    </fieldset>
  );
}
