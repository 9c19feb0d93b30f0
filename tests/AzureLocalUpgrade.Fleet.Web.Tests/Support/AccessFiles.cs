using System.Security.Cryptography;
using System.Text;
using AzureLocalUpgrade.Fleet.Web.Access;

namespace AzureLocalUpgrade.Fleet.Web.Tests.Support;

/// <summary>Access files for the tests: an operator and a viewer account, and a token of each role.</summary>
internal static class AccessFiles
{
    public const string OperatorName = "alice";
    public const string OperatorPassword = "correct horse battery staple";
    public const string ViewerName = "bob";
    public const string ViewerPassword = "viewer-password-9F2k";
    public const string OperatorToken = "op-token-5b1d0c6e8f7a4e2b9c3d1a0f6e5d4c3b";
    public const string ViewerToken = "view-token-0a9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d";

    /// <summary>Hashing costs PBKDF2's iterations, so the standard file is made once per test run.</summary>
    private static readonly Lazy<string> Standard = new(() =>
        $"""
        apiVersion: azurelocal.upgrade/v1
        kind: DashboardAccess
        accounts:
          - name: {OperatorName}
            role: operator
            passwordHash: {PasswordHashes.Hash(OperatorPassword)}
          - name: {ViewerName}
            role: viewer
            passwordHash: {PasswordHashes.Hash(ViewerPassword)}
        tokens:
          - name: release-bot
            role: operator
            sha256: {Sha256(OperatorToken)}
          - name: wallboard
            role: viewer
            sha256: {Sha256(ViewerToken)}
        """);

    public static string StandardText => Standard.Value;

    public static string Write(string folder, string text)
    {
        var path = Path.Combine(folder, $"access-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, text);
        return path;
    }

    public static string Sha256(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
