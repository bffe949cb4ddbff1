using System.Text;
using CsCheck;
using SmartCustoms.Domain.Edifact;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Domain.Tests.Edifact;

/// <summary>
/// Hostile and random input: mutated and truncated samples never make the reader throw, and every issue it gives names
/// a segment position; segments written with any UNA separators read back to the same values.
/// </summary>
public sealed class EdifactFuzzTests
{
    public const string PointerPattern = @"^segment \d+ \(([A-Z0-9]{3}|\?)\)( element \d+)?, line \d+, byte \d+$";

    private const string Seed = "0SmartCustom";

    // Codes whose issue concerns the input as a whole, so it has no segment to name.
    private static readonly string[] WholeInput = [EdifactIssues.Empty, EdifactIssues.TooLarge];

    private static readonly byte[][] Hostile =
        [[(byte)'\''], [(byte)'+'], [(byte)':'], [(byte)'?'], [(byte)'*'], "UNA"u8.ToArray(), "UNH+1+X'"u8.ToArray(), "UNT+"u8.ToArray(), [0xFF], [0x00], [0xE2, 0x80], [(byte)'\n']];

    private static readonly Gen<(int Sample, int At, int Kind, int Length, int Insert)> Mutations =
        Gen.Select(Gen.Int[0, EdifactSamples.All.Count - 1], Gen.Int[0, 1_000_000], Gen.Int[0, 4], Gen.Int[1, 64], Gen.Int[0, Hostile.Length - 1]);

    [Fact]
    public void MutatedSamplesNeverThrowAndEveryIssueNamesASegment()
    {
        var samples = EdifactSamples.All.Select(EdifactSamples.Bytes).ToArray();

        foreach (var m in Mutations.Array[3_000].Single(_ => true, Seed))
        {
            AssertHandled(Mutate(samples[m.Sample], m), $"{EdifactSamples.All[m.Sample]} {m}");
        }
    }

    [Fact]
    public void EveryTruncationOfEverySampleIsReadOrRefusedWithAPosition()
    {
        foreach (var name in EdifactSamples.All)
        {
            var bytes = EdifactSamples.Bytes(name);
            var step = Math.Max(1, bytes.Length / 400);
            for (var length = 0; length < bytes.Length; length += step)
            {
                var outcome = AssertHandled(bytes[..length], $"{name} cut at {length}");
                if (length > 12 && length < bytes.Length - 12)
                {
                    Assert.False(outcome.Succeeded && outcome.Value.Header is not null, $"{name} cut at {length} was accepted");
                }
            }
        }
    }

    [Fact]
    public void SegmentsWrittenWithAnyUnaSeparatorsReadBackToTheSameValues()
    {
        foreach (var (separators, body) in Interchanges.Array[500].Single(_ => true, Seed))
        {
            var text = EdifactWriter.Write(Envelope(body), separators, withUna: true, lineBreaks: body.Count % 2 == 0);

            var outcome = EdifactReader.Read(Encoding.UTF8.GetBytes(text));

            Assert.True(outcome.Succeeded, $"{text}\n{string.Join("\n", outcome.Refusal?.Issues.Select(i => i.Pointer + " " + i.Message) ?? [])}");
            Assert.Equal(separators, outcome.Value.Separators);
            var read = Assert.Single(outcome.Value.Messages).Body;
            Assert.Equal(body.Count, read.Count);
            for (var s = 0; s < body.Count; s++)
            {
                Assert.Equal(body[s].Tag, read[s].Tag);
                Assert.Equal(body[s].Elements.Select(e => e.Repetitions.Select(r => string.Join('\u0001', r))), read[s].Elements.Select(e => e.Repetitions.Select(r => string.Join('\u0001', r))));
            }
        }
    }

    internal static Outcome<EdifactInterchange> AssertHandled(byte[] input, string what)
    {
        Outcome<EdifactInterchange> outcome = default;
        var error = Record.Exception(() => outcome = EdifactReader.Read(input, EdifactOptions.Default with { MaxValueLength = 512, MaxSegments = 5_000 }));
        Assert.True(error is null, $"{what}: {error}");
        var issues = outcome.Succeeded ? outcome.Value.Warnings : outcome.Refusal.Issues;
        Assert.True(outcome.Succeeded || issues.Count > 0, $"{what}: a refusal without issues");
        foreach (var issue in issues.Where(i => !WholeInput.Contains(i.Code)))
        {
            Assert.Matches(PointerPattern, issue.Pointer);
            Assert.False(string.IsNullOrWhiteSpace(issue.Message), what);
        }

        return outcome;
    }

    private static byte[] Mutate(byte[] sample, (int Sample, int At, int Kind, int Length, int Insert) m)
    {
        var at = sample.Length == 0 ? 0 : m.At % sample.Length;
        var length = Math.Min(m.Length, sample.Length - at);
        return m.Kind switch
        {
            0 => [.. sample[..at], (byte)(sample[at] ^ (1 << (m.Length % 8))), .. sample[(at + 1)..]],
            1 => [.. sample[..at], .. sample[(at + length)..]],
            2 => [.. sample[..(at + length)], .. sample[at..]],
            3 => [.. sample[..at], .. Hostile[m.Insert], .. sample[at..]],
            _ => sample[..at],
        };
    }

    private const string Punctuation = "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~'";

    private static readonly Gen<EdifactSeparators> SeparatorSets =
        Gen.Shuffle(Punctuation.ToCharArray(), 6).Select(Gen.Bool, Gen.Char[Punctuation], (c, repeats, decimalMark) =>
            new EdifactSeparators(c[0], c[1], decimalMark, c[3], repeats ? c[4] : null, c[5]));

    private static readonly string[] Tags = ["EQD", "FTX", "NAD", "LOC", "TDT"];

    private static Gen<string> Values(EdifactSeparators separators) =>
        Gen.String[Gen.Char[string.Concat("Az7 é中€", separators.Component, separators.Element, separators.Release, separators.Segment, separators.Decimal, separators.Repetition ?? '*')], 0, 12];

    private static readonly Gen<(EdifactSeparators, IReadOnlyList<EdifactSegment>)> Interchanges =
        SeparatorSets.SelectMany(separators =>
        {
            var repetitions = separators.Repetition is null ? Gen.Const(1) : Gen.Int[1, 3];
            var element = Gen.Select(repetitions, Values(separators).Array[1, 4].Array[3], (count, reps) =>
                new EdifactElement([.. reps.Take(count).Select(r => (IReadOnlyList<string>)r)]));
            var segment = Gen.Select(Gen.Int[0, 4].Select(i => Tags[i]), element.Array[0, 6], (tag, elements) => new EdifactSegment(tag, elements, default));
            return segment.Array[0, 8].Select(body => (separators, (IReadOnlyList<EdifactSegment>)body));
        });

    private static IEnumerable<EdifactSegment> Envelope(IReadOnlyList<EdifactSegment> body)
    {
        yield return EdifactSegment.Create("UNB", ["UNOW", "4"], ["SENDER", "ZZ"], ["RECIPIENT", "ZZ"], ["261202", "1200"], ["REF1"]);
        yield return EdifactSegment.Create("UNH", ["M1"], ["CODECO", "D", "95B", "UN"]);
        foreach (var segment in body)
        {
            yield return segment;
        }

        yield return EdifactSegment.Create("UNT", [(body.Count + 2).ToString(System.Globalization.CultureInfo.InvariantCulture)], ["M1"]);
        yield return EdifactSegment.Create("UNZ", ["1"], ["REF1"]);
    }
}
