using System.Collections.Frozen;

namespace SmartCustoms.Domain.Risk;

/// <summary>
/// Which criteria of a set can hit a declaration, as one bit per criterion in set order, from the necessary
/// conditions the criteria carry: the HS chapters an item must have (<see cref="CompiledCriterion.Chapters"/>)
/// and the text values a field must have (<see cref="CompiledCriterion.Keys"/>: importer in a list, some item's
/// origin in a list, the office...). A typical criterion names one chapter or one trader, so most criteria are
/// ruled out for a declaration by a few lookups and ORs of bit sets, without being visited. A candidate is then
/// evaluated in full as before: the index only skips criteria that cannot hit, so the hits are the same.
/// Immutable, shared by every thread.
/// </summary>
internal sealed class CriteriaIndex
{
    private const int ChapterBits = 128;

    private readonly int _words;

    // Criteria whatever the chapters (declaration-level), and per chapter bit the item-scoped criteria allowing it.
    private readonly ulong[] _declarationLevel;
    private readonly ulong[][] _byChapter;

    private readonly FieldFilter[] _fields;

    public CriteriaIndex(IReadOnlyList<CompiledCriterion> criteria)
    {
        _words = (criteria.Count + 63) / 64;
        _declarationLevel = new ulong[_words];
        _byChapter = new ulong[ChapterBits][];
        for (var chapter = 0; chapter < ChapterBits; chapter++)
        {
            _byChapter[chapter] = new ulong[_words];
        }

        var keyed = new Dictionary<(string, int), List<(int Criterion, FieldKey Key)>>();
        for (var c = 0; c < criteria.Count; c++)
        {
            var criterion = criteria[c];
            if (!criterion.ItemScope)
            {
                Set(_declarationLevel, c);
            }
            else
            {
                for (var chapter = 0; chapter < ChapterBits; chapter++)
                {
                    if (((criterion.Chapters >> chapter) & UInt128.One) != UInt128.Zero)
                    {
                        Set(_byChapter[chapter], c);
                    }
                }
            }

            foreach (var key in criterion.Keys)
            {
                var kind = (key.Field.Name, key.PrefixLength);
                (keyed.TryGetValue(kind, out var list) ? list : keyed[kind] = []).Add((c, key));
            }
        }

        _fields = [.. keyed.Values.Select(list => new FieldFilter(list, _words))];
    }

    /// <summary>Words of bits needed for the set: the size of the span <see cref="Candidates"/> fills.</summary>
    public int Words => _words;

    /// <summary>Sets the bits of the criteria that may hit the subject; a clear bit means the criterion cannot hit.</summary>
    public void Candidates(RiskSubject subject, Span<ulong> candidates)
    {
        _declarationLevel.CopyTo(candidates);
        var chapters = subject.Chapters;
        while (chapters != UInt128.Zero)
        {
            Or(candidates, _byChapter[(int)UInt128.TrailingZeroCount(chapters)]);
            chapters &= chapters - UInt128.One;
        }

        Span<ulong> allowed = _words <= 64 ? stackalloc ulong[_words] : new ulong[_words];
        foreach (var field in _fields)
        {
            field.Allowed(subject, allowed);
            for (var w = 0; w < candidates.Length; w++)
            {
                candidates[w] &= allowed[w];
            }
        }
    }

    private static void Set(ulong[] bits, int index) => bits[index >> 6] |= 1UL << (index & 63);

    private static void Or(Span<ulong> target, ulong[] source)
    {
        for (var w = 0; w < target.Length; w++)
        {
            target[w] |= source[w];
        }
    }

    /// <summary>The criteria keyed on one field (or on prefixes of one length of it), and which of them each value allows.</summary>
    private sealed class FieldFilter
    {
        private readonly ulong[] _unkeyed;
        private readonly FrozenDictionary<string, ulong[]>.AlternateLookup<ReadOnlySpan<char>> _byValue;
        private readonly int _prefixLength;
        private readonly Func<RiskSubject, string?>? _declarationValue;
        private readonly Func<RiskItem, string?>? _itemValue;
        private readonly Func<RiskSubject, IReadOnlyList<string>>? _listValues;

        public FieldFilter(List<(int Criterion, FieldKey Key)> keyed, int words)
        {
            _unkeyed = new ulong[words];
            Array.Fill(_unkeyed, ulong.MaxValue);
            var byValue = new Dictionary<string, ulong[]>(StringComparer.Ordinal);
            foreach (var (criterion, key) in keyed)
            {
                _unkeyed[criterion >> 6] &= ~(1UL << (criterion & 63));
                foreach (var value in key.Values)
                {
                    Set(byValue.TryGetValue(value, out var bits) ? bits : byValue[value] = new ulong[words], criterion);
                }
            }

            // Looked up by span, so that a prefix is not cut into a new string.
            _byValue = byValue.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

            // The field's own accessor, so that the index reads exactly the value the criteria compare.
            var field = keyed[0].Key.Field;
            _prefixLength = keyed[0].Key.PrefixLength;
            var accessor = field.Accessor.Compile();
            if (field.Type == RiskFieldType.StringList)
            {
                _listValues = (Func<RiskSubject, IReadOnlyList<string>>)accessor;
            }
            else if (field.ItemScope)
            {
                _itemValue = (Func<RiskItem, string?>)accessor;
            }
            else
            {
                _declarationValue = (Func<RiskSubject, string?>)accessor;
            }
        }

        /// <summary>The criteria not keyed on this field, and those whose key the subject's values match.</summary>
        public void Allowed(RiskSubject subject, Span<ulong> allowed)
        {
            _unkeyed.CopyTo(allowed);
            if (_declarationValue is not null)
            {
                Allow(_declarationValue(subject), allowed);
            }
            else if (_itemValue is not null)
            {
                foreach (var item in subject.ItemArray)
                {
                    Allow(_itemValue(item), allowed);
                }
            }
            else
            {
                var list = _listValues!(subject);
                for (var i = 0; i < list.Count; i++)
                {
                    Allow(list[i], allowed);
                }
            }
        }

        // A missing value matches no key (comparisons on a missing fact are false), nor does one shorter than the prefix.
        private void Allow(string? value, Span<ulong> allowed)
        {
            if (value is not null && value.Length >= _prefixLength && _byValue.TryGetValue(value.AsSpan(0, _prefixLength > 0 ? _prefixLength : value.Length), out var bits))
            {
                Or(allowed, bits);
            }
        }
    }
}
