namespace AzureLocalUpgrade.Engine.Inventory;

/// <summary>
/// Where the credential lives, never the credential itself: an environment variable holding the password,
/// a file holding it, or (Windows) a credential-store target name. Over SSH, a private key file instead.
/// </summary>
public sealed record CredentialReference(string UserName, string? PasswordEnv, string? PasswordFile, string? CredentialStoreTarget, string? KeyFile = null);
