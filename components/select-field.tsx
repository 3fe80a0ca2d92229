type Option = string | { value: string; label: string };

/** A labelled select: the shape every filter and form in the portal repeats. `anyLabel` adds an empty first choice. */
export function SelectField({
  label,
  name,
  options,
  anyLabel,
  defaultValue,
  className = "",
}: {
  label: string;
  name: string;
  options: readonly Option[];
  anyLabel?: string;
  defaultValue?: string;
  className?: string;
}) {
  return (
    <label className="text-sm font-medium">
      {label}
      <select name={name} defaultValue={defaultValue ?? ""} className={`input mt-1 ${className}`}>
        {anyLabel !== undefined && <option value="">{anyLabel}</option>}
        {options.map((o) => {
          const { value, label: text } = typeof o === "string" ? { value: o, label: o } : o;
          return (
            <option key={value} value={value}>
              {text}
            </option>
          );
        })}
      </select>
    </label>
  );
}
