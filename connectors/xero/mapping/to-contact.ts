import { Address as XeroAddress, Phone as XeroPhone, type Contact as XeroContact } from "xero-node";
import type { Address, Phone } from "../../../schema/common/address.type.js";
import type { Contact } from "../../../schema/contact/contact.type.js";
import { nodeFields, orNull, requireId, type MappingContext } from "./common.js";
import type { AddressInput, ContactInput, PhoneInput } from "../../../src/connector/inputs.js";
import { enumText, toContactStatus } from "./statuses.js";
import { toWireJson } from "./wire-json.js";

/** "+64 9 1234567" from Xero's three phone parts; Xero sends empty slots, which are dropped. */
function toPhones(phones: XeroPhone[] | undefined): Phone[] {
  return (phones ?? [])
    .filter((p) => p.phoneNumber)
    .map((p) => ({
      kind: orNull(enumText(p.phoneType)),
      number: [p.phoneCountryCode ? `+${p.phoneCountryCode.replace(/^\+/, "")}` : "", p.phoneAreaCode, p.phoneNumber].filter(Boolean).join(" "),
    }));
}

function toAddresses(addresses: XeroAddress[] | undefined): Address[] {
  return (addresses ?? [])
    .filter((a) => a.addressLine1 || a.city || a.postalCode || a.country)
    .map((a) => ({
      kind: orNull(enumText(a.addressType)),
      line1: orNull(a.addressLine1),
      line2: orNull([a.addressLine2, a.addressLine3, a.addressLine4].filter(Boolean).join(", ")),
      city: orNull(a.city),
      region: orNull(a.region),
      postalCode: orNull(a.postalCode),
      country: orNull(a.country),
    }));
}

export function toUnifiedContact(contact: XeroContact, ctx: MappingContext): Contact {
  const remoteId = requireId(contact.contactID, "ContactID");
  return {
    ...nodeFields(ctx, "Contact", remoteId, contact.updatedDateUTC, () => toWireJson(contact, "Contact")),
    name: contact.name ?? "",
    firstName: orNull(contact.firstName),
    lastName: orNull(contact.lastName),
    email: orNull(contact.emailAddress),
    accountNumber: orNull(contact.accountNumber),
    taxNumber: orNull(contact.taxNumber),
    currency: orNull(enumText(contact.defaultCurrency)),
    isCustomer: contact.isCustomer ?? false,
    isSupplier: contact.isSupplier ?? false,
    status: toContactStatus(contact.contactStatus),
    phones: toPhones(contact.phones),
    addresses: toAddresses(contact.addresses),
  };
}

function toXeroPhone(phone: PhoneInput): XeroPhone {
  const kind = (phone.kind ?? "DEFAULT").toUpperCase() as keyof typeof XeroPhone.PhoneTypeEnum;
  return { phoneType: XeroPhone.PhoneTypeEnum[kind] ?? XeroPhone.PhoneTypeEnum.DEFAULT, phoneNumber: phone.number };
}

function toXeroAddress(address: AddressInput): XeroAddress {
  const kind = (address.kind ?? "STREET").toUpperCase() as keyof typeof XeroAddress.AddressTypeEnum;
  const value = (v: string | null | undefined) => v ?? undefined;
  return {
    addressType: XeroAddress.AddressTypeEnum[kind] ?? XeroAddress.AddressTypeEnum.STREET,
    addressLine1: value(address.line1),
    addressLine2: value(address.line2),
    city: value(address.city),
    region: value(address.region),
    postalCode: value(address.postalCode),
    country: value(address.country),
  };
}

/** Unified contact input → the Xero contact to PUT or POST. Absent fields stay absent; null clears. */
export function toXeroContact(input: ContactInput): XeroContact {
  const contact: XeroContact = { name: input.name };
  const set = <K extends keyof XeroContact>(key: K, value: string | null | undefined) => {
    if (value !== undefined) contact[key] = (value ?? "") as XeroContact[K];
  };
  set("firstName", input.firstName);
  set("lastName", input.lastName);
  set("emailAddress", input.email);
  set("accountNumber", input.accountNumber);
  set("taxNumber", input.taxNumber);
  if (input.phones) contact.phones = input.phones.map(toXeroPhone);
  if (input.addresses) contact.addresses = input.addresses.map(toXeroAddress);
  return contact;
}
