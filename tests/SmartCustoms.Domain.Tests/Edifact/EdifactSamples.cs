using SmartCustoms.Domain.Edifact;
using SmartCustoms.Domain.Outcomes;

namespace SmartCustoms.Domain.Tests.Edifact;

/// <summary>The EDIFACT samples kept beside the tests (sources and licences in each folder's NOTICE.md).</summary>
public static class EdifactSamples
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "Edifact", "Samples");

    public static IReadOnlyList<string> All { get; } =
        [.. Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories)
            .Where(f => Path.GetExtension(f).ToUpperInvariant() is ".EDI" or ".TXT" && !Path.GetFileName(f).StartsWith("LICENSE", StringComparison.Ordinal))
            .Select(f => Path.GetRelativePath(Folder, f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)];

    public static byte[] Bytes(string name) => File.ReadAllBytes(Path.Combine(Folder, name));

    public static Outcome<EdifactInterchange> Read(string name, EdifactOptions? options = null) => EdifactReader.Read(Bytes(name), options);

    public static EdifactInterchange Accepted(string name, EdifactOptions? options = null)
    {
        var outcome = Read(name, options);
        Assert.True(outcome.Succeeded, $"{name}: {string.Join("; ", outcome.Refusal?.Issues.Select(i => $"{i.Pointer} {i.Code} {i.Message}") ?? [])}");
        return outcome.Value;
    }

    public static IReadOnlyList<Issue> Refused(string name, EdifactOptions? options = null)
    {
        var outcome = Read(name, options);
        Assert.False(outcome.Succeeded, $"{name} was accepted");
        return outcome.Refusal.Issues;
    }
}
