using System.Text.Json;
using System.Text.Json.Serialization;

namespace SmartCustoms.Server.Tests.OpenApi.Client;

/// <summary>What a client adds beside the generated file: it sends only the fields it sets, as a hand-written body would.</summary>
public partial class SmartCustomsClient
{
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings) =>
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
}
