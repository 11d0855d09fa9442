"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { listAt } from "@/lib/amelding/form-values";
import type { BuilderKit } from "./builder-kit";
import { ItemGroup } from "./item-group";

/** A repeated list of lines under one person, with add and remove. */
export function Lines({
  kit,
  listPath,
  legend,
  addLabel,
  removeLabel,
  newItem,
  render,
  keepEmpty,
}: {
  kit: BuilderKit;
  listPath: string;
  legend: (n: number) => string;
  addLabel: string;
  removeLabel: (n: number) => string;
  newItem: () => unknown;
  render: (itemPath: string) => ReactNode;
  keepEmpty?: boolean;
}) {
  const items = listAt(kit.values, listPath);
  return (
    <div className="mb-4">
      {items.map((_, i) => (
        <ItemGroup
          // biome-ignore lint/suspicious/noArrayIndexKey: the builder's items are identified by their position (the path into the form values they render)
          key={i}
          path={`${listPath}.${i}`}
          legend={legend(i + 1)}
          removeLabel={removeLabel(i + 1)}
          onRemove={() => kit.remove(listPath, i, keepEmpty)}
        >
          {render(`${listPath}.${i}`)}
        </ItemGroup>
      ))}
      <Button type="button" variant="secondary" onClick={() => kit.append(listPath, newItem())}>
        {addLabel}
      </Button>
    </div>
  );
}
