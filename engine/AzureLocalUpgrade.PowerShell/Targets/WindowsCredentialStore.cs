using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Security;

namespace AzureLocalUpgrade.PowerShell.Targets;

/// <summary>
/// Reads a generic credential from the Windows Credential Manager (<c>cmdkey /generic:TARGET /user:U /pass</c>, or
/// <c>New-StoredCredential</c>) straight into a SecureString, so the password never exists as a managed string.
/// Windows only: elsewhere the inventory must use passwordEnv or passwordFile.
/// </summary>
[SupportedOSPlatform("windows")]
internal static partial class WindowsCredentialStore
{
    private const uint GenericCredential = 1;
    private const int NotFound = 1168; // ERROR_NOT_FOUND

    /// <summary>The stored password of <paramref name="target"/>, or null when there is no such credential.</summary>
    public static SecureString? ReadPassword(string target)
    {
        if (!CredRead(target, GenericCredential, 0, out var handle))
        {
            var error = Marshal.GetLastPInvokeError();
            return error == NotFound ? null : throw new CredentialUnavailableException($"The Windows Credential Manager could not read {target} (error {error}).");
        }

        try
        {
            var credential = Marshal.PtrToStructure<NativeCredential>(handle);
            var secure = new SecureString();
            for (var offset = 0; offset + 1 < credential.CredentialBlobSize; offset += 2)
            {
                // The blob of a generic credential is the UTF-16 password, read one character at a time.
                secure.AppendChar((char)Marshal.ReadInt16(credential.CredentialBlob, offset));
            }

            secure.MakeReadOnly();
            return secure;
        }
        finally
        {
            CredFree(handle);
        }
    }

    [LibraryImport("advapi32.dll", EntryPoint = "CredReadW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    [return: MarshalAs(UnmanagedType.Bool)]
    private static partial bool CredRead(string target, uint type, uint flags, out IntPtr credential);

    [LibraryImport("advapi32.dll", EntryPoint = "CredFree")]
    private static partial void CredFree(IntPtr buffer);

    /// <summary>CREDENTIALW (wincred.h), field for field.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct NativeCredential
    {
        public uint Flags;
        public uint Type;
        public IntPtr TargetName;
        public IntPtr Comment;
        public long LastWritten;
        public uint CredentialBlobSize;
        public IntPtr CredentialBlob;
        public uint Persist;
        public uint AttributeCount;
        public IntPtr Attributes;
        public IntPtr TargetAlias;
        public IntPtr UserName;
    }
}
