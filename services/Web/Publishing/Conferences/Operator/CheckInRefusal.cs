namespace Cro.Web.Publishing.Conferences.Operator;

/// <summary>
/// A refused check-in as the door's form shows it: the service's field messages stay beside their fields (day), and a refusal
/// of no field (a code of no ticket, a registration without a confirmed place) is about the code, so it stands beside the code.
/// </summary>
public static class CheckInRefusal
{
    public static FormErrors ByField(FormErrors refusal)
    {
        var errors = new FormErrors();
        foreach (var message in refusal.General)
        {
            errors.Add("code", message);
        }
        foreach (var (key, messages) in refusal.Fields)
        {
            foreach (var message in messages)
            {
                errors.Add(key, message);
            }
        }
        return errors;
    }
}
