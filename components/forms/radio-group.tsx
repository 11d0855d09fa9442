/** A fieldset of radio buttons; `id` goes on the fieldset so an error summary can link to it. */
export function RadioGroup({
  id,
  name,
  legend,
  value,
  options,
  onChange,
  errors,
}: {
  id: string;
  name: string;
  legend: string;
  value: string;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
  errors?: string[];
}) {
  return (
    <fieldset id={id} className="mb-4" aria-describedby={errors?.length ? `${id}-error` : undefined}>
      <legend className="font-medium">{legend}</legend>
      {errors?.length ? (
        <p id={`${id}-error`} className="text-sm font-medium text-danger">
          {errors[0]}
        </p>
      ) : null}
      <div className="mt-1 flex flex-wrap gap-x-6 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2">
            <input
              type="radio"
              name={name}
              value={o.value}
              checked={value === o.value}
              onChange={() => onChange(o.value)}
            />
            {o.label}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
