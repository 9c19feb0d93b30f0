namespace AzureLocalUpgrade.Engine.Model;

/// <param name="Instructions">Scriban text: what the person must do before approving.</param>
public sealed record ManualOptions(EmbeddedText Instructions);
