import { Field, InputType, registerEnumType } from "type-graphql";
import type { AddressInput as Address, ContactInput as Contact, PhoneInput as Phone } from "../../src/connector/inputs.js";

@InputType({ description: "A phone number; kind is the provider's (e.g. DEFAULT, MOBILE)." })
export class PhoneInput implements Phone {
  @Field(() => String, { nullable: true }) kind?: string;
  @Field(() => String) number!: string;
}

@InputType({ description: "A postal address; kind is the provider's (e.g. STREET, POBOX)." })
export class AddressInput implements Address {
  @Field(() => String, { nullable: true }) kind?: string;
  @Field(() => String, { nullable: true }) line1?: string;
  @Field(() => String, { nullable: true }) line2?: string;
  @Field(() => String, { nullable: true }) city?: string;
  @Field(() => String, { nullable: true }) region?: string;
  @Field(() => String, { nullable: true }) postalCode?: string;
  @Field(() => String, { nullable: true }) country?: string;
}

export enum ContactRole {
  CUSTOMER = "CUSTOMER",
  SUPPLIER = "SUPPLIER",
}
registerEnumType(ContactRole, {
  name: "ContactRole",
  description: "Which kind of contact to create where the provider keeps customers and suppliers apart (Daftra's clients and suppliers); providers with one contact list ignore it.",
});

@InputType({ description: "A customer or supplier to create." })
export class ContactInput implements Contact {
  @Field(() => String, { description: "Unique among active contacts at most providers." }) name!: string;
  @Field(() => String, { nullable: true }) firstName?: string;
  @Field(() => String, { nullable: true }) lastName?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) accountNumber?: string;
  @Field(() => String, { nullable: true }) taxNumber?: string;
  @Field(() => [PhoneInput], { nullable: true }) phones?: PhoneInput[];
  @Field(() => [AddressInput], { nullable: true }) addresses?: AddressInput[];
  @Field(() => ContactRole, { nullable: true, description: "CUSTOMER (default) or SUPPLIER; matters only where the provider keeps them apart." })
  role?: ContactRole;
}

@InputType({ description: "Changes to a contact; fields left out stay as they are." })
export class ContactUpdateInput implements Partial<Contact> {
  @Field(() => String, { nullable: true }) name?: string;
  @Field(() => String, { nullable: true }) firstName?: string;
  @Field(() => String, { nullable: true }) lastName?: string;
  @Field(() => String, { nullable: true }) email?: string;
  @Field(() => String, { nullable: true }) accountNumber?: string;
  @Field(() => String, { nullable: true }) taxNumber?: string;
  @Field(() => [PhoneInput], { nullable: true }) phones?: PhoneInput[];
  @Field(() => [AddressInput], { nullable: true }) addresses?: AddressInput[];
}
