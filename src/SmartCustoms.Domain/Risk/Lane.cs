using System.Text.Json.Serialization;

namespace SmartCustoms.Domain.Risk;

// Stored explanations and officers' screens read lane names, not numbers, whatever serializer options are used.
/// <summary>Selectivity lanes, in increasing order of control: the larger value wins.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Lane>))]
public enum Lane
{
    /// <summary>Released now.</summary>
    Green = 0,
    /// <summary>Released now, post-clearance audit later.</summary>
    Blue = 1,
    /// <summary>Documentary check before release.</summary>
    Yellow = 2,
    /// <summary>Physical examination before release.</summary>
    Red = 3,
}
