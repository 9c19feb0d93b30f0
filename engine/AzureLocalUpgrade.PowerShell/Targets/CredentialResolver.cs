using System.Management.Automation;
using System.Security;
using AzureLocalUpgrade.Engine.Inventory;
using AzureLocalUpgrade.Engine.Inputs;

namespace AzureLocalUpgrade.PowerShell.Targets;

/// <summary>
/// Turns an inventory <see cref="CredentialReference"/> into a <see cref="PSCredential"/>: the password from an
/// environment variable or from a file (relative paths from the inventory's folder), straight into a SecureString.
/// The password is never logged and never put in an exception message.
/// </summary>
public sealed class CredentialResolver
{
    private readonly Func<string, string?> _environment;
    private readonly string _baseDirectory;

    /// <param name="baseDirectory">Folder relative password files are resolved from (the inventory's); default the working directory.</param>
    /// <param name="environment">Environment lookup; the process environment unless a test supplies one.</param>
    public CredentialResolver(string? baseDirectory = null, Func<string, string?>? environment = null)
    {
        _baseDirectory = string.IsNullOrEmpty(baseDirectory) ? Directory.GetCurrentDirectory() : baseDirectory;
        _environment = environment ?? Environment.GetEnvironmentVariable;
    }

    public PSCredential Resolve(CredentialReference reference)
    {
        ArgumentNullException.ThrowIfNull(reference);
        if (reference.PasswordEnv is { } variable)
        {
            var value = _environment(variable);
            return string.IsNullOrEmpty(value)
                ? throw new CredentialUnavailableException(
                    $"The password for {reference.UserName} comes from environment variable {variable}, which is not set (or empty).")
                : Credential(reference.UserName, value);
        }

        if (reference.PasswordFile is { } file)
        {
            return Credential(reference.UserName, ReadPasswordFile(reference.UserName, file));
        }

        if (reference.CredentialStoreTarget is { } store)
        {
            return FromCredentialStore(reference.UserName, store);
        }

        throw new CredentialUnavailableException(
            $"The credential for {reference.UserName} names no password source; set passwordEnv or passwordFile in the inventory.");
    }

    private static PSCredential FromCredentialStore(string userName, string target)
    {
        if (!OperatingSystem.IsWindows())
        {
            throw new CredentialUnavailableException(
                $"The password for {userName} is in the Windows Credential Manager ({target}), which exists only on Windows; on this machine use passwordEnv or passwordFile.");
        }

        return WindowsCredentialStore.ReadPassword(target) is { } password
            ? new PSCredential(userName, password)
            : throw new CredentialUnavailableException($"The Windows Credential Manager has no generic credential {target} for {userName}; add it with: cmdkey /generic:{target} /user:{userName} /pass");
    }

    private string ReadPasswordFile(string userName, string file)
    {
        var path = Path.IsPathRooted(file) ? file : Path.GetFullPath(Path.Combine(_baseDirectory, file));
        var read = InputFile.Read(path, InputLimits.PasswordFile);
        if (!read.Succeeded)
        {
            throw new CredentialUnavailableException($"The password for {userName} comes from file {path}, which cannot be used: {read.Describe()}.");
        }

        var text = read.Text();

        // Secret files usually end with a newline that is not part of the password.
        var password = text.TrimEnd('\r', '\n');
        return password.Length == 0
            ? throw new CredentialUnavailableException($"The password for {userName} comes from file {path}, which is empty.")
            : password;
    }

    private static PSCredential Credential(string userName, string password)
    {
        var secure = new SecureString();
        foreach (var character in password)
        {
            secure.AppendChar(character);
        }

        secure.MakeReadOnly();
        return new PSCredential(userName, secure);
    }
}
