import * as z from 'zod/mini';
import './zodMessages';

// Enumerations keep Business Central's captions as their values (workspace-api.md).
export const contactTypeSchema = z.enum(['Company', 'Person']);
export type ContactType = z.infer<typeof contactTypeSchema>;

export const correspondenceTypeSchema = z.enum(['', 'Hard Copy', 'Email']);
export type CorrespondenceType = z.infer<typeof correspondenceTypeSchema>;

export const informationFlowSchema = z.enum(['', 'Outbound', 'Inbound']);
export type InformationFlow = z.infer<typeof informationFlowSchema>;

export const initiatedBySchema = z.enum(['', 'Us', 'Them']);
export type InitiatedBy = z.infer<typeof initiatedBySchema>;

export const evaluationSchema = z.enum(['', 'Very Positive', 'Positive', 'Neutral', 'Negative', 'Very Negative']);
export type Evaluation = z.infer<typeof evaluationSchema>;

export const deliveryStatusSchema = z.enum(['', 'In Progress', 'Error']);
export type DeliveryStatus = z.infer<typeof deliveryStatusSchema>;

export const criteriaKindSchema = z.enum(['Add Contacts', 'Remove Contacts (Reduce)', 'Remove Contacts (Refine)']);
export type CriteriaKind = z.infer<typeof criteriaKindSchema>;
