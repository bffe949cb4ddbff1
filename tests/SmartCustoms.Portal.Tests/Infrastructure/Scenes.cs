namespace SmartCustoms.Portal.Tests.Infrastructure;

/// <summary>What the browser tests share: a declarant and a criterion that sends its sample declaration to the red lane.</summary>
public static class Scenes
{
    public const string Declarant = "GB123456789000";

    // Samples.Import declares shaver parts (8510) from China; the fallback thresholds put 250 in the red lane (from 200).
    public const string ShaverParts = """
        { "id": "shaver-parts-cn", "name": "Shaver parts from China", "weight": 250,
          "when": { "all": [ { "field": "hsCode", "op": "startsWith", "value": "8510" },
                             { "field": "origin", "op": "in", "values": ["CN"] } ] } }
        """;

    /// <summary>A real PNG (1 x 1 pixel), as a phone's camera would hand it to the file input.</summary>
    public static readonly byte[] Photo = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==");
}
