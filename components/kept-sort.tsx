/** Hidden fields that carry a list's sort through its GET filter form, so filtering keeps the order. */
export function KeptSort({ sort, dir }: { sort: string; dir: string }) {
  return (
    <>
      <input type="hidden" name="sort" value={sort} />
      <input type="hidden" name="dir" value={dir} />
    </>
  );
}
