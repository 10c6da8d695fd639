"""Print the traditional -> simplified character table of equivalence/names.py (TRADITIONAL).

The table covers exactly the characters of the names in the shipped data (levels, aliases,
ladders, purposes, honours, occupations, qualifications): each name is converted to traditional
characters with OpenCC (``pip install opencc``, a development tool only), and every character that
changed is mapped back. Run it after adding names and paste the output into names.py;
tests/test_names.py fails when a name's traditional form does not fold back.
"""

from __future__ import annotations


def data_names(reg) -> set[str]:
    names = set()
    for lev in reg.levels.values():
        names |= {lev.zh, *lev.aliases}
    for table in (reg.ladders, reg.purposes):
        names |= {x.zh for x in table.values()}
    names |= {x["zh"] for x in reg.index.get("honours", {}).values()}
    for occ in reg.catalogue["occupations"].values():
        names |= {occ["zh"], *occ["aliases"]}
    for qual in reg.catalogue["qualifications"].values():
        names.add(qual["zh"])
    return names


def table(names: set[str]) -> dict[str, str]:
    import opencc

    to_traditional = opencc.OpenCC("s2t")
    pairs = {}
    for name in sorted(names):
        for simple, trad in zip(name, to_traditional.convert(name)):
            if simple != trad:
                pairs[trad] = simple
    return dict(sorted(pairs.items()))


if __name__ == "__main__":
    from equivalence.registry import Registry

    pairs = table(data_names(Registry.load()))
    trad, simple = "".join(pairs), "".join(pairs.values())
    print(f"# {len(pairs)} characters")
    for name, text in (("_TRAD", trad), ("_SIMP", simple)):
        print(f"{name} = (")
        for i in range(0, len(text), 60):
            print(f'    "{text[i:i + 60]}"')
        print(")")
