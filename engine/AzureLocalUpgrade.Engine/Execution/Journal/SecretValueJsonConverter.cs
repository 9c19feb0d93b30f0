using System.Text.Json;
using System.Text.Json.Serialization;
using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Execution.Journal;

/// <summary>Writes every <see cref="SecretValue"/> as ***, so no serialised journal, event or manifest can carry one.</summary>
public sealed class SecretValueJsonConverter : JsonConverter<SecretValue>
{
    public override SecretValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new JsonException("Secret values are never read back from JSON; supply them again from their source.");

    public override void Write(Utf8JsonWriter writer, SecretValue value, JsonSerializerOptions options) =>
        writer.WriteStringValue(SecretValue.Mask);
}
