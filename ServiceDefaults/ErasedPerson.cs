namespace Cro.ServiceDefaults;

/// <summary>What stands where an erased person's name was (RODO art. 17), the same in every service.</summary>
public static class ErasedPerson
{
    public const string Name = "Osoba usunięta";
}
