namespace SmartCustoms.Domain.Risk;

/// <summary>The shipped example criteria (Risk/Data/example-criteria.json): a starting point for analysts and a fixture for the engine.</summary>
public static class ExampleCriteria
{
    public const string ResourceName = "SmartCustoms.Risk.example-criteria.json";
    public const string LanesResourceName = "SmartCustoms.Risk.example-lanes.json";

    /// <summary>The author recorded for the examples a node loads at its first start.</summary>
    public const string StartUpAuthor = "node start-up";

    /// <summary>The shipped example lane settings (Risk/Data/example-lanes.json): the rates for every office without settings of its own.</summary>
    public static IReadOnlyList<LaneSettings> LoadLanes()
    {
        using var stream = typeof(ExampleCriteria).Assembly.GetManifestResourceStream(LanesResourceName)
            ?? throw new InvalidOperationException("The example lane settings are missing from the assembly.");
        return System.Text.Json.JsonSerializer.Deserialize<List<LaneSettings>>(stream, CriterionJson.Options)
            ?? throw new InvalidOperationException("The example lane settings do not read.");
    }

    public static IReadOnlyList<CriterionDocument> Load()
    {
        using var stream = typeof(ExampleCriteria).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException("The example criteria are missing from the assembly.");
        using var reader = new StreamReader(stream);
        return CriterionJson.ParseList(reader.ReadToEnd()).Match(
            documents => documents,
            refusal => throw new InvalidOperationException($"The example criteria do not read: {refusal.Issues[0].Pointer} {refusal.Issues[0].Message}"));
    }
}
